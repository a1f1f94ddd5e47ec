// A tiny ONNX graph builder over onnx-proto (the ONNX schema compiled for protobufjs), just enough
// to write the contract models: typed inputs/outputs with named dims, initializers, plain nodes.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type TensorProto = import('onnx-proto').onnx.ITensorProto;
type NodeProto = import('onnx-proto').onnx.INodeProto;
type ValueInfoProto = import('onnx-proto').onnx.IValueInfoProto;
type AttributeProto = import('onnx-proto').onnx.IAttributeProto;

export type ElemType = 'float32' | 'int64' | 'bool';
/** A number is a fixed size; a string is a symbolic dim (e.g. "batch_size"). */
export type Dim = number | string;
export type AttrValue = number | number[] | string | { floats: number[] } | { tensor: TensorInit };

export interface TensorInit {
  type: ElemType;
  dims: number[];
  data: Float32Array | BigInt64Array | number[];
}

const ELEM: Record<ElemType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  int64: onnx.TensorProto.DataType.INT64,
  bool: onnx.TensorProto.DataType.BOOL,
};

function tensorProto(name: string, t: TensorInit): TensorProto {
  let raw: Uint8Array;
  if (t.type === 'float32') {
    const f = t.data instanceof Float32Array ? t.data : Float32Array.from(t.data as number[]);
    raw = new Uint8Array(f.buffer, f.byteOffset, f.byteLength);
  } else if (t.type === 'int64') {
    const i = t.data instanceof BigInt64Array ? t.data : BigInt64Array.from((t.data as number[]).map((v) => BigInt(v)));
    raw = new Uint8Array(i.buffer, i.byteOffset, i.byteLength);
  } else {
    raw = Uint8Array.from(Array.from(t.data as number[], (v) => (v ? 1 : 0)));
  }
  const expected = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== expected)
    throw new Error(`tensor ${name}: ${t.data.length} values for dims [${t.dims.join(',')}]`);
  // Little-endian raw data, as every ONNX runtime reads it.
  return { name, dataType: ELEM[t.type], dims: t.dims, rawData: raw };
}

function valueInfo(name: string, type: ElemType, dims: Dim[]): ValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: ELEM[type],
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function attribute(name: string, value: AttrValue): AttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { name, type: T.INT, i: value } : { name, type: T.FLOAT, f: value };
  }
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  if ('floats' in value) return { name, type: T.FLOATS, floats: value.floats };
  return { name, type: T.TENSOR, t: tensorProto(name, value.tensor) };
}

export class GraphBuilder {
  private readonly nodes: NodeProto[] = [];
  private readonly inits: TensorProto[] = [];
  private readonly inputs: ValueInfoProto[] = [];
  private readonly outputs: ValueInfoProto[] = [];
  private counter = 0;

  constructor(readonly name: string) {}

  input(name: string, type: ElemType, dims: Dim[]): string {
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  output(name: string, type: ElemType, dims: Dim[]): string {
    this.outputs.push(valueInfo(name, type, dims));
    return name;
  }

  /** A constant stored in the file (an initializer). */
  constant(prefix: string, t: TensorInit): string {
    const name = this.fresh(prefix);
    this.inits.push(tensorProto(name, t));
    return name;
  }

  f32(prefix: string, values: number[] | Float32Array, dims: number[] = [values.length]): string {
    return this.constant(prefix, {
      type: 'float32',
      dims,
      data: values instanceof Float32Array ? values : Float32Array.from(values),
    });
  }

  i64(prefix: string, values: number[], dims: number[] = [values.length]): string {
    return this.constant(prefix, { type: 'int64', dims, data: values });
  }

  /** Adds one node with one output; `out` names it (a graph output), otherwise a fresh name. */
  op(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}, out?: string): string {
    const output = out ?? this.fresh(opType.toLowerCase());
    this.nodes.push({
      opType,
      name: this.fresh(`${opType}_node`),
      input: inputs,
      output: [output],
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return output;
  }

  /** Serialises an ONNX model: IR version 8, default domain at `opset`. */
  encode(opset: number, producer = 'hearth-contract-models'): Uint8Array {
    const model = {
      irVersion: 8,
      producerName: producer,
      opsetImport: [{ domain: '', version: opset }],
      graph: { name: this.name, node: this.nodes, initializer: this.inits, input: this.inputs, output: this.outputs },
    };
    return onnx.ModelProto.encode(onnx.ModelProto.fromObject(model)).finish();
  }

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }
}
