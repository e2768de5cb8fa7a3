/** A report written for this test: an outlet line on its own that the recogniser reads as a section. */
export const REPORT = [
  'Weekly Report 6|2 5.4.24-5.10.24',
  '',
  'Leaders',
  '',
  'A Council Meets on Rivers',
  '5.6 The council met to discuss the rivers of the west.',
  'Harbour Evening Gazette',
  'A Plan for Bridges Is Issued',
  '5.7 The plan covers small bridges.',
  'It takes effect in June.',
  '5.8 A minister toured a port. Ports Get New Cranes',
  '',
  'Economy',
  '',
  'Tariffs Are Cut on Tea',
  '5.9 Tariffs on tea were cut by half.',
].join('\n')

/** Another report of the same kind: the same outlet line, elsewhere and with other items. */
export const NEXT_REPORT = [
  'Weekly Report 6|3 5.11.24-5.17.24',
  '',
  'Leaders',
  '',
  'A Minister Visits a Dam',
  '5.12 The minister visited a dam in the hills.',
  'New Rules Are Issued for Ferries',
  '5.13 Ferries get new rules.',
  'Harbour Evening Gazette',
  'Buses Will Run Later at Night Now',
  '5.14 Buses now run until midnight.',
].join('\n')
