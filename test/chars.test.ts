import * as assert from 'node:assert/strict';
import { isSpaceCode, withoutSpaces } from '../server/src/syntax/chars';

describe('character tests', () => {
  it('count as whitespace exactly what \\s does, for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
    }
  });

  it('remove whitespace of every kind and keep a string without any', () => {
    assert.equal(withoutSpaces(' 合\u3000计\t\ufeff'), '合计');
    const plain = '财政拨款';
    assert.equal(withoutSpaces(plain), plain);
  });
});
