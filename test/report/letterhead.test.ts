/**
 * Who sends the report decides its letterhead (Decree 30/2020/NĐ-CP, Appendix I): the managing body
 * from the unit's kind, the issuing body from the reporting-unit cell, the place, the signer.
 */
import { unitPlace } from '../../src/catalog';
import { initials, letterheadOf, UNIT_PLACEHOLDER } from '../../src/report/letterhead';

describe('letterheadOf', () => {
  test('a city department is under UBND THÀNH PHỐ HÀ NỘI, in Hà Nội, signed by its director', () => {
    const l = letterheadOf('Sở Kế hoạch và Đầu tư');
    expect(l.managingBody).toBe('UBND THÀNH PHỐ HÀ NỘI');
    expect(l.issuingBody).toEqual(['SỞ KẾ HOẠCH VÀ ĐẦU TƯ']);
    expect(l.symbol).toBe('SKHĐT');
    expect(l.place).toBe('Hà Nội');
    expect(l.signer).toEqual(['GIÁM ĐỐC']);
    expect(l.recipients).toEqual(['- UBND Thành phố (qua Sở Nội vụ);', '- Lưu: VT, SKHĐT.']);
    // A short form of a catalog unit reads as its full name.
    expect(letterheadOf('Sở TT&TT').issuingBody).toEqual(['SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    expect(letterheadOf('Văn phòng UBND TP').signer).toEqual(['CHÁNH VĂN PHÒNG']);
  });

  test('a district People’s Committee prints no managing body, signs for the committee, dates from the district', () => {
    const l = letterheadOf('UBND huyện Gia Lâm');
    expect(l.managingBody).toBeNull();
    expect(l.issuingBody).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN GIA LÂM']);
    expect(l.place).toBe('Gia Lâm');
    expect(l.signer).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(letterheadOf('Ủy ban nhân dân thị xã Sơn Tây').issuingBody).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ SƠN TÂY']);
  });

  test('an office of a district is under UBND QUẬN …; a central branch under its central agency', () => {
    const office = letterheadOf('Phòng Nội vụ quận Ba Đình');
    expect(office.managingBody).toBe('UBND QUẬN BA ĐÌNH');
    expect(office.issuingBody).toEqual(['PHÒNG NỘI VỤ']);
    expect(office.signer).toEqual(['TRƯỞNG PHÒNG']);
    expect(office.place).toBe('Ba Đình');
    expect(letterheadOf('Cục Thuế Hà Nội').managingBody).toBe('TỔNG CỤC THUẾ');
    expect(unitPlace('Cục Thuế Hà Nội').kind).toBe('city-branch');
  });

  test('an empty reporting-unit cell leaves placeholders; Sở Nội vụ reports to the city directly', () => {
    const l = letterheadOf(null);
    expect(l.issuingBody).toEqual([UNIT_PLACEHOLDER]);
    expect(l.signer).toEqual(['[CHỨC VỤ NGƯỜI KÝ]']);
    expect(letterheadOf('Sở Nội vụ').recipients[0]).toBe('- UBND Thành phố;');
  });

  test('initials keep Đ and words in capitals', () => {
    expect(initials('Sở Nội vụ')).toBe('SNV');
    expect(initials('Văn phòng UBND Thành phố')).toBe('VPUBNDTP');
  });
});
