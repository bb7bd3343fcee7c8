import { runScaleSuite } from '../../testing/scale-suite.js';
import './hark-csat.js';

runScaleSuite({
  tag: 'hark-csat',
  kind: 'csat',
  min: 1,
  max: 5,
  names: [
    'Very dissatisfied',
    'Dissatisfied',
    'Neither satisfied nor dissatisfied',
    'Satisfied',
    'Very satisfied',
  ],
  question: 'How satisfied are you with your experience?',
  ends: ['Very dissatisfied', 'Very satisfied'],
});
