#!/usr/bin/env node
// Usage: node pmd.js [--fail-on=N] FILE.cls...
//
// Runs every Apex rule of PMD, as Salesforce Code Analyzer's PMD engine
// (@salesforce/code-analyzer-pmd-engine) describes and ranks them, on the
// given files. The engine ships the PMD jars and needs `java` (11 or later) on
// PATH. Each violation prints as
//
//   SEVERITY NAME FILE:LINE:COLUMN RULE message
//
// with Code Analyzer's severity: 1 Critical, 2 High, 3 Moderate, 4 Low,
// 5 Info (for example "2 High Foo.cls:3:27 ApexCRUDViolation ..."). Exits 1 when a violation has a severity of N or lower (default 2),
// 3 when PMD reports a processing error such as a file it cannot parse, 2 on
// bad usage or a missing tool, and 0 otherwise.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ConfigValueExtractor, EventType, LogLevel, SeverityLevel, Workspace } =
  require('@salesforce/code-analyzer-engine-api');
const { createEnginePlugin } = require('@salesforce/code-analyzer-pmd-engine');

const ENGINE_NAME = 'pmd';
const APEX_TAG = 'Apex';

function parseArgs(argv) {
  let failOn = SeverityLevel.High;
  const files = [];
  for (const arg of argv) {
    const match = /^--fail-on=([1-5])$/.exec(arg);
    if (match) {
      failOn = Number(match[1]);
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${JSON.stringify(arg)}; the only option is --fail-on=1..5`);
    } else {
      files.push(path.resolve(arg));
    }
  }
  if (files.length === 0) {
    throw new Error('usage: node pmd.js [--fail-on=N] FILE.cls...');
  }
  for (const file of files) {
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      throw new Error(`${file}: not a file`);
    }
  }
  return { failOn, files };
}

async function createEngine() {
  const plugin = createEnginePlugin();
  const config = await plugin.createEngineConfig(ENGINE_NAME, new ConfigValueExtractor({}, `engines.${ENGINE_NAME}`));
  return plugin.createEngine(ENGINE_NAME, config);
}

async function run(failOn, files) {
  const engine = await createEngine();
  const processingErrors = [];
  engine.onEvent(EventType.LogEvent, (event) => {
    if (event.logLevel === LogLevel.Error) {
      processingErrors.push(event.message);
    }
  });

  const workingFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sfharden-pmd-'));
  try {
    const workspace = new Workspace('sfharden-apex', files);
    const options = { workspace, workingFolder, logFolder: workingFolder };

    const rules = (await engine.describeRules(options)).filter((rule) => rule.tags.includes(APEX_TAG));
    const severityByRule = new Map(rules.map((rule) => [rule.name, rule.severityLevel]));
    const results = await engine.runRules(rules.map((rule) => rule.name), options);

    let failing = 0;
    for (const violation of results.violations) {
      const severity = severityByRule.get(violation.ruleName);
      const location = violation.codeLocations[violation.primaryLocationIndex];
      console.log(`${severity} ${SeverityLevel[severity]} ${location.file}:${location.startLine}:${location.startColumn} ` +
        `${violation.ruleName} ${violation.message.trim()}`);
      if (severity <= failOn) {
        failing++;
      }
    }
    for (const message of processingErrors) {
      console.error(message);
    }

    console.error(`pmd: ${rules.length} Apex rules, ${files.length} files, ` +
      `${results.violations.length} violations, ${failing} of severity ${failOn} or lower`);
    if (processingErrors.length > 0) {
      return 3;
    }
    return failing > 0 ? 1 : 0;
  } finally {
    fs.rmSync(workingFolder, { recursive: true, force: true });
  }
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    return 2;
  }
  try {
    return await run(args.failOn, args.files);
  } catch (err) {
    console.error(`pmd: ${err.message}`);
    return 2;
  }
}

main().then((code) => {
  process.exitCode = code;
});
