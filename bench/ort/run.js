#!/usr/bin/env node
// ONNX Runtime (CPU) peer for DFG's end-to-end benchmarks. Loads an ONNX
// model and one input in the ONNX backend-test layout (a serialized
// TensorProto, as written by utils/export-real-models.py), runs it --warmup
// times untimed and --iters times timed, and prints
//
//   latency_ms median=M min=A max=B
//
// With --check it compares the output against the expected TensorProto and
// prints the largest absolute and relative errors; it exits 1 if they exceed
// --atol + --rtol * |expected| anywhere (numpy.allclose's rule).
//
//   node bench/ort/run.js model.onnx input_0.pb [--threads N] [--iters N]
//        [--warmup N] [--check output_0.pb] [--atol X] [--rtol X]
//
// --threads is ORT's intraOpNumThreads: 1 runs on one thread, 0 (the
// default) leaves it to ORT (one thread per physical core).
// interOpNumThreads is 1 (sequential execution) and the graph optimization
// level is 'all'.
'use strict';

const fs = require('fs');
const path = require('path');

function fail(message) {
  process.stderr.write(`run.js: error: ${message}\n`);
  process.exit(2);
}

let ort;
try {
  ort = require('onnxruntime-node');
} catch (e) {
  fail(`cannot load onnxruntime-node (run scripts/setup-bench.sh): ${e.message}`);
}

// --- A minimal TensorProto decoder ------------------------------------------
// Reads only what the inputs and outputs of the real models need: dims, a
// FLOAT or INT64 data_type, name, and the values as raw_data (little-endian)
// or as float_data / int64_data, packed or not. Anything else is an error.

const DATA_TYPES = {1: 'float32', 7: 'int64'};

class Reader {
  constructor(buf, file) {
    this.buf = buf;
    this.pos = 0;
    this.file = file;
  }
  done() { return this.pos >= this.buf.length; }
  error(what) { fail(`${this.file}: malformed TensorProto: ${what} at byte ${this.pos}`); }
  // Varints are read as BigInt: int64 dims and values need all 64 bits.
  varint() {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.buf.length) this.error('truncated varint');
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return BigInt.asUintN(64, result);
    }
    this.error('varint longer than 10 bytes');
  }
  smallVarint() {
    const v = this.varint();
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) this.error('length too large');
    return Number(v);
  }
  bytes() {
    const len = this.smallVarint();
    if (this.pos + len > this.buf.length) this.error('truncated field');
    const slice = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return slice;
  }
  skip(wireType) {
    switch (wireType) {
      case 0: this.varint(); return;
      case 1: this.pos += 8; break;
      case 2: this.bytes(); return;
      case 5: this.pos += 4; break;
      default: this.error(`unsupported wire type ${wireType}`);
    }
    if (this.pos > this.buf.length) this.error('truncated field');
  }
}

function decodeTensorProto(file) {
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    fail(`cannot read ${file}: ${e.message}`);
  }
  const r = new Reader(buf, file);
  const dims = [];
  const floats = [];
  const int64s = [];
  let dataType = 0;
  let name = '';
  let raw = null;
  while (!r.done()) {
    const key = r.smallVarint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 1 && wire === 0) {
      dims.push(BigInt.asIntN(64, r.varint()));
    } else if (field === 1 && wire === 2) {
      const p = new Reader(r.bytes(), file);
      while (!p.done()) dims.push(BigInt.asIntN(64, p.varint()));
    } else if (field === 2 && wire === 0) {
      dataType = r.smallVarint();
    } else if (field === 4 && wire === 5) {
      if (r.pos + 4 > buf.length) r.error('truncated float');
      floats.push(buf.readFloatLE(r.pos));
      r.pos += 4;
    } else if (field === 4 && wire === 2) {
      const b = r.bytes();
      if (b.length % 4) r.error('packed float_data not a multiple of 4 bytes');
      for (let i = 0; i < b.length; i += 4) floats.push(b.readFloatLE(i));
    } else if (field === 7 && wire === 0) {
      int64s.push(BigInt.asIntN(64, r.varint()));
    } else if (field === 7 && wire === 2) {
      const p = new Reader(r.bytes(), file);
      while (!p.done()) int64s.push(BigInt.asIntN(64, p.varint()));
    } else if (field === 8 && wire === 2) {
      name = r.bytes().toString('utf8');
    } else if (field === 9 && wire === 2) {
      raw = r.bytes();
    } else if ((field === 13 || field === 14) && wire !== 4) {
      fail(`${file}: external data is not supported`);
    } else if (field === 3) {
      fail(`${file}: has field 3 (segment), which is not supported; is it a TensorProto?`);
    } else {
      r.skip(wire);
    }
  }

  const type = DATA_TYPES[dataType];
  if (!type) {
    fail(`${file}: data_type ${dataType} is not supported (only FLOAT=1 and INT64=7)`);
  }
  for (const d of dims) {
    if (d < 0n) fail(`${file}: negative dimension ${d}`);
  }
  const shape = dims.map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const elemSize = type === 'float32' ? 4 : 8;
  let data;
  if (raw) {
    if (raw.length !== count * elemSize) {
      fail(`${file}: raw_data has ${raw.length} bytes, shape [${shape}] of ${type} needs ${count * elemSize}`);
    }
    // Copy: the Buffer's slice need not be aligned for a typed array view.
    const copy = new Uint8Array(raw);
    data = type === 'float32' ? new Float32Array(copy.buffer) : new BigInt64Array(copy.buffer);
  } else {
    const values = type === 'float32' ? floats : int64s;
    if (values.length !== count) {
      fail(`${file}: has ${values.length} values, shape [${shape}] needs ${count}`);
    }
    data = type === 'float32' ? Float32Array.from(values) : BigInt64Array.from(values);
  }
  return {name, type, shape, data};
}

// --- Command line -----------------------------------------------------------

const USAGE = 'usage: node bench/ort/run.js model.onnx input_0.pb [--threads N] [--iters N] ' +
  '[--warmup N] [--check output_0.pb] [--atol X] [--rtol X]';

function parseArgs(argv) {
  const opts = {threads: 0, iters: 20, warmup: 3, check: null, atol: 1e-4, rtol: 1e-3};
  const positional = [];
  const ints = {'--threads': 'threads', '--iters': 'iters', '--warmup': 'warmup'};
  const floats = {'--atol': 'atol', '--rtol': 'rtol'};
  for (let i = 0; i < argv.length; ++i) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) fail(`${arg} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg in ints) {
      const v = next();
      if (!/^\d+$/.test(v)) fail(`${arg} needs a non-negative integer, got '${v}'`);
      opts[ints[arg]] = Number(v);
    } else if (arg in floats) {
      const v = Number(next());
      if (!Number.isFinite(v) || v < 0) fail(`${arg} needs a non-negative number`);
      opts[floats[arg]] = v;
    } else if (arg === '--check') {
      opts.check = next();
    } else if (arg.startsWith('-')) {
      fail(`unknown option ${arg}\n${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) fail(USAGE);
  if (opts.iters < 1) fail('--iters must be at least 1');
  [opts.model, opts.input] = positional;
  return opts;
}

// --- Comparison ---------------------------------------------------------------

function compare(actual, expected, opts) {
  const a = actual.data;
  const e = expected.data;
  if (actual.type !== expected.type) {
    return {ok: false, message: `type ${actual.type}, expected ${expected.type}`};
  }
  if (actual.dims.join('x') !== expected.shape.join('x')) {
    return {ok: false, message: `shape [${actual.dims}], expected [${expected.shape}]`};
  }
  let maxAbs = 0;
  let maxRel = 0;
  let bad = 0;
  for (let i = 0; i < e.length; ++i) {
    const x = Number(a[i]);
    const y = Number(e[i]);
    const d = Math.abs(x - y);
    if (!(d <= opts.atol + opts.rtol * Math.abs(y))) ++bad; // counts NaN too
    if (Number.isNaN(d)) {
      maxAbs = maxRel = NaN;
      continue;
    }
    maxAbs = Math.max(maxAbs, d);
    if (y !== 0) maxRel = Math.max(maxRel, d / Math.abs(y));
  }
  return {
    ok: bad === 0,
    message: `max_abs=${maxAbs.toExponential(3)} max_rel=${maxRel.toExponential(3)} ` +
      `mismatches=${bad}/${e.length} (atol=${opts.atol} rtol=${opts.rtol})`,
  };
}

// --- Main ---------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.model)) fail(`cannot read ${opts.model}`);
  const input = decodeTensorProto(opts.input);
  const expected = opts.check ? decodeTensorProto(opts.check) : null;

  let session;
  try {
    session = await ort.InferenceSession.create(opts.model, {
      executionProviders: ['cpu'],
      intraOpNumThreads: opts.threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (e) {
    fail(`ONNX Runtime cannot load ${opts.model}: ${e.message}`);
  }
  if (session.inputNames.length !== 1) {
    fail(`${opts.model} has ${session.inputNames.length} inputs; run.js feeds exactly one`);
  }
  const inputName = session.inputNames[0];
  if (input.name && input.name !== inputName) {
    fail(`${opts.input} is tensor '${input.name}', the model's input is '${inputName}'`);
  }
  const feeds = {[inputName]: new ort.Tensor(input.type, input.data, input.shape)};
  const outputName = expected && expected.name && session.outputNames.includes(expected.name)
    ? expected.name : session.outputNames[0];

  let result;
  try {
    for (let i = 0; i < opts.warmup; ++i) result = await session.run(feeds);
    const times = [];
    for (let i = 0; i < opts.iters; ++i) {
      const start = process.hrtime.bigint();
      result = await session.run(feeds);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((x, y) => x - y);
    const mid = times.length >> 1;
    const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
    process.stdout.write(`model=${path.basename(path.dirname(opts.model))}/${path.basename(opts.model)} ` +
      `input=[${input.shape}] threads=${opts.threads} warmup=${opts.warmup} iters=${opts.iters} ` +
      `ort=${ort.env.versions.node}\n`);
    process.stdout.write(`latency_ms median=${median.toFixed(3)} min=${times[0].toFixed(3)} ` +
      `max=${times[times.length - 1].toFixed(3)}\n`);
  } catch (e) {
    fail(`ONNX Runtime run failed: ${e.message}`);
  }

  if (expected) {
    const {ok, message} = compare(result[outputName], expected, opts);
    process.stdout.write(`check ${outputName}: ${ok ? 'ok' : 'FAILED'} ${message}\n`);
    if (!ok) process.exitCode = 1;
  }
  await session.release();
}

main().catch((e) => fail(e.stack || String(e)));
