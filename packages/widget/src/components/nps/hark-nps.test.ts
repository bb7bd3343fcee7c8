import { runScaleSuite } from '../../testing/scale-suite.js';
import './hark-nps.js';

runScaleSuite({
  tag: 'hark-nps',
  kind: 'nps',
  min: 0,
  max: 10,
  names: Array.from({ length: 11 }, (_, i) => String(i)),
  question: 'How likely are you to recommend us to a friend or colleague?',
  ends: ['Not at all likely', 'Extremely likely'],
});
