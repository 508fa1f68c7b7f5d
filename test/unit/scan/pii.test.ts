// Personal data: check digits and invalid ranges decide.
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan';
import { ibanMod97, luhn, validItin, validNhs, validSsn } from '../../../src/core/scan/validators';

const scanner = new Scanner();
const ids = (text: string) => scanner.scanText(text, 'data/notes.txt').findings.map((f) => f.ruleId);

describe('validators', () => {
  it('Luhn accepts valid and rejects altered numbers', () => {
    assert.ok(luhn('4012888888881881'));
    assert.ok(!luhn('4012888888881882'));
  });
  it('IBAN mod-97', () => {
    assert.ok(ibanMod97('GB82WEST12345698765432'));
    assert.ok(!ibanMod97('GB82WEST12345698765433'));
  });
  it('SSN invalid areas, group and serial', () => {
    assert.ok(validSsn('078', '05', '1123'));
    for (const [a, g, s] of [['000', '12', '3456'], ['666', '12', '3456'], ['912', '12', '3456'], ['123', '00', '4567'], ['123', '45', '0000']]) {
      assert.ok(!validSsn(a, g, s), `${a}-${g}-${s}`);
    }
  });
  it('ITIN groups', () => {
    assert.ok(validItin('911', '70'));
    assert.ok(!validItin('911', '89'));
    assert.ok(!validItin('123', '70'));
  });
  it('NHS mod-11', () => {
    assert.ok(validNhs('2213951837'));
    assert.ok(!validNhs('4010232138'));
  });
});

describe('personal-data rules', () => {
  it('payment cards need Luhn and a known issuer range', () => {
    assert.ok(ids('card: 4012-8888-8888-1881').includes('payment-card'));
    assert.ok(ids('amex 371449635398431').includes('payment-card'));
    assert.ok(!ids('card: 4012-8888-8888-1882').includes('payment-card'));
    assert.ok(!ids('id 9999999999999995').includes('payment-card'));
  });
  it('IBANs with and without separators, exact country length', () => {
    assert.ok(ids('pay to AL47 2121 1009 0000 0002 3569 8741 today').includes('iban'));
    assert.ok(ids('AL47-2121-1009-0000-0002-3569-8741').includes('iban'));
    assert.ok(!ids('AL47 2121 1009 0000 0002 3569 874').includes('iban'));
  });
  it('SSN and ITIN', () => {
    assert.ok(ids('ssn 078-05-1123').includes('us-ssn'));
    assert.ok(!ids('078-05-0000').includes('us-ssn'));
    assert.ok(ids('911-70-1234').includes('us-itin'));
    assert.ok(!ids('911-89-1234').includes('us-itin'));
  });
  it('NHS numbers', () => {
    assert.ok(ids('NHS 221 395 1837').includes('uk-nhs-number'));
    assert.ok(!ids('401-023-2138').includes('uk-nhs-number'));
  });
  it('e-mail addresses, but not reserved domains or file names', () => {
    assert.ok(ids('contact jane.doe@acme-corp.io please').includes('email-address'));
    assert.ok(!ids('user@example.com').includes('email-address'));
    assert.ok(!ids('icon@2x.png').includes('email-address'));
  });
  it('phone numbers only with context', () => {
    assert.ok(ids('phone: +44 20 7946 0958').includes('phone-number'));
    assert.ok(!ids('version 1.20.7946.0958').includes('phone-number'));
  });
});
