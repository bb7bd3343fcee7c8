// Writes the published JSON Schema of wire protocol v1 from @hark/protocol's schema, the one the
// validator compiles. Run `pnpm --filter @hark/collector schema` after changing packages/protocol;
// a test fails until then.
import { writeFileSync } from 'node:fs';
import { submissionJsonSchema } from '@hark/protocol';

const target = new URL('../schema/submission-v1.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(submissionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
