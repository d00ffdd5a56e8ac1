// Derives a compact field table (name -> type, array, allowed values) from @elastic/ecs's generated/ecs_flat.js.
const flat = require(process.argv[2]).EcsFlat;
const out = {};
for (const name of Object.keys(flat).sort()) {
  const f = flat[name];
  const entry = { type: f.type, array: (f.normalize || []).includes("array") };
  if (f.allowed_values) {
    entry.allowed = f.allowed_values.map(a => a.name);
    const expected = {};
    for (const a of f.allowed_values) if (a.expected_event_types) expected[a.name] = a.expected_event_types;
    if (Object.keys(expected).length) entry.expected_event_types = expected;
  }
  out[name] = entry;
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
