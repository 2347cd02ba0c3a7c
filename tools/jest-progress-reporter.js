// Records which test file and test are running, in the file named by JEST_PROGRESS_FILE, so that
// scripts/test.sh can say where a tier stopped moving when it outlives its deadline. Jest prints a
// file's results only once the file ends: without this, a hang names nothing.
const { writeFileSync } = require('node:fs');
const { relative } = require('node:path');

class ProgressReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.file = process.env.JEST_PROGRESS_FILE;
    this.testFile = '';
  }

  onTestFileStart(test) {
    this.testFile = relative(this.rootDir, test.path);
    this.record('(loading, beforeAll)');
  }

  // A test's name stays until the next one starts: it also stands for the hooks that follow it.
  onTestCaseStart(_test, testCase) {
    this.record(testCase.fullName);
  }

  onTestFileResult() {
    this.record('(file finished; no other started)');
  }

  record(step) {
    if (!this.file) return;
    writeFileSync(this.file, `${new Date().toISOString()} ${this.testFile}: ${step}\n`);
  }
}

module.exports = ProgressReporter;
