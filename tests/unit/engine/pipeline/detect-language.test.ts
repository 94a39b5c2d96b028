import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../src/engine/pipeline/detect-language';

const words = (text: string) => text.split(/\s+/u);

describe('detectLanguage', () => {
  it.each([
    ['en', 'The invoice of the month is due to the office and it was paid for with thanks'],
    ['de', 'Die Rechnung ist nicht bezahlt und der Betrag wird mit dem Konto auf die Bank gebucht'],
    ['fr', 'La facture est due pour le mois et les frais sont dans une lettre que nous avons'],
    ['es', 'El pago de los meses y las cuentas es para el banco que se cierra con una carta'],
    ['it', 'Il conto della banca non è per il mese che sono anche nella lettera di questo'],
    ['pt', 'O pagamento dos meses e das contas não foi para o banco que se fecha com uma carta'],
    ['nl', 'De rekening van het bedrijf is niet betaald en wordt met een brief aan de bank gestuurd'],
  ])('recognises %s from its function words', (language, text) => {
    expect(detectLanguage(words(text))).toBe(language);
  });

  it('ignores case and the punctuation around a word', () => {
    expect(detectLanguage(['"Der', 'Vertrag,', 'DIE', 'Frist.', 'und', '(das)', 'ist:', 'nicht!'])).toBe('de');
  });

  it('reads words a reading with the English model left without accents', () => {
    expect(detectLanguage(words('Die Gebuhr fur den Antrag uber das Amt und die Stelle ist nicht bezahlt'))).toBe('de');
  });

  it('answers null when there are too few function words to tell', () => {
    expect(detectLanguage(words('Invoice 2024-117 Total 42.00 EUR the and of'))).toBeNull();
    expect(detectLanguage([])).toBeNull();
  });

  it('answers null when the best language does not clearly lead the next (a page of two languages)', () => {
    expect(detectLanguage(words('der die und das ist le la les et des'))).toBeNull();
  });
});
