#!/usr/bin/env node
// Usage: node check.js FILE.cls|FILE.apex...
//
// Parses each Apex class (.cls), or each anonymous Apex script (.apex, as
// `sf apex run` takes), with @apexdevtools/apex-parser, the ANTLR grammar
// that aims to match the Salesforce compiler, and prints every lexer and
// parser error as FILE:LINE:COLUMN: MESSAGE. Exits 1 when any file has a
// syntax error, 2 on bad usage or an unreadable file, and 0 otherwise.
'use strict';

const fs = require('node:fs');
const { ApexParserFactory, ApexErrorListener } = require('@apexdevtools/apex-parser');

class CollectingListener extends ApexErrorListener {
  constructor() {
    super();
    this.errors = [];
  }

  apexSyntaxError(line, column, message) {
    this.errors.push({ line, column, message });
  }
}

function syntaxErrors(source, anonymous) {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  if (anonymous) {
    parser.anonymousUnit();
  } else {
    parser.compilationUnit();
  }
  return listener.errors;
}

function main(files) {
  if (files.length === 0) {
    console.error('usage: node check.js FILE.cls|FILE.apex...');
    return 2;
  }

  let failed = 0;
  for (const file of files) {
    let source;
    try {
      source = fs.readFileSync(file, 'utf8');
    } catch (err) {
      console.error(`${file}: read failed: ${err.message}`);
      return 2;
    }

    const errors = syntaxErrors(source, file.endsWith('.apex'));
    for (const { line, column, message } of errors) {
      console.log(`${file}:${line}:${column}: ${message}`);
    }
    if (errors.length > 0) {
      failed++;
    }
  }

  if (failed > 0) {
    console.error(`${failed} of ${files.length} files have syntax errors`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
