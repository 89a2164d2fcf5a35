// Prints one plain closing line that any CI log reader understands:
// "Summary: N passed, N failed, N skipped". Jest's own summary block is written after every
// reporter's onRunComplete, so the line is written when the process exits, to come last.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `\nSummary: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
    process.once('exit', () => process.stdout.write(line));
  }
}
module.exports = SummaryReporter;
