// One of the concurrent clerks: registers N complaints in this process through
// the program's own main() (a fresh context, open and close, per complaint),
// prints one line per attempt: exit code and ticket.
//   node test/bench/register-loop.cjs <N> <worker>
const path = require('node:path');
const { main } = require(path.join(__dirname, '../../dist/complaints.cjs'));
const n = Number(process.argv[2]);
const worker = process.argv[3];
(async () => {
  for (let i = 0; i < n; i++) {
    let out = '';
    let err = '';
    const io = { stdout: { write: (s) => { out += s; } }, stderr: { write: (s) => { err += s; } }, stdinIsTTY: false, stdoutIsTTY: false };
    const argv = ['register', '--json', '--no-input', '--name', `王${worker}号`, '--phone', `1380013${String(Number(worker) * 1000 + i).padStart(4, '0')}`,
      '--estate', '阳光海岸', '--unit', `${worker}-1-${100 + i}`, '--category', 'property_service', '--subcategory', 'leak',
      '--description', `并发登记 ${worker}-${i}：卫生间漏水`];
    let code;
    try {
      code = await main(argv, io, process.env);
    } catch (e) {
      code = 99;
      err += String(e && e.stack || e);
    }
    let ticket = '';
    if (code === 0) { try { ticket = JSON.parse(out).ticket; } catch { code = 98; } }
    process.stdout.write(`${code}\t${ticket}\t${err.replace(/\s+/g, ' ').slice(0, 200)}\n`);
  }
})();
