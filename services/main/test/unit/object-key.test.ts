import { extensionFor, objectKey } from '../../src/upload/object-key';

describe('objectKey', () => {
  it('is uploads/yyyy/mm/<uuid>.<ext> from the content type, in UTC', () => {
    const key = objectKey('image/png', new Date('2026-03-31T23:30:00-05:00'));
    expect(key).toMatch(
      /^uploads\/2026\/04\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.png$/,
    );
    expect(objectKey('image/png')).not.toBe(objectKey('image/png'));
  });

  it('maps unknown types to .bin', () => {
    expect(extensionFor('application/pdf')).toBe('pdf');
    expect(extensionFor('application/x-whatever')).toBe('bin');
  });
});
