// Entry point for the size script: what a page pays for every kind of survey at once.
import '../components/ces/hark-ces.js';
import '../components/csat/hark-csat.js';
import '../components/nps/hark-nps.js';
