// Writes the published JSON Schema of wire protocol v1 from the validator's own schema.
// Run `pnpm --filter @hark/collector schema` after changing src/protocol; a test fails until then.
import { writeFileSync } from 'node:fs';
import { submissionJsonSchema } from '../dist/protocol/json-schema.js';

const target = new URL('../schema/submission-v1.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(submissionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
