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
