import { runScaleSuite } from '../../testing/scale-suite.js';
import './hark-ces.js';

runScaleSuite({
  tag: 'hark-ces',
  kind: 'ces',
  min: 1,
  max: 7,
  names: Array.from({ length: 7 }, (_, i) => String(i + 1)),
  question: 'How easy was it to get what you needed today?',
  ends: ['Very difficult', 'Very easy'],
});
