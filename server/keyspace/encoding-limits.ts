// The thresholds that decide which encoding OBJECT ENCODING reports for a collection (Redis's *-max-listpack-*
// and set-max-intset-entries directives). The composition root keeps them in step with the config; the
// collection types read them when an element is added, as Redis converts encodings then.

export const ENCODING_LIMITS = {
  hashMaxListpackEntries: 512,
  hashMaxListpackValue: 64,
  setMaxIntsetEntries: 512,
  zsetMaxListpackEntries: 128,
  zsetMaxListpackValue: 64,
};
