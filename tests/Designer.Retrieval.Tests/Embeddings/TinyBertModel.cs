namespace Designer.Retrieval.Tests.Embeddings;

/// <summary>
/// A BERT-shaped ONNX model with seeded random weights: word + token-type embeddings (Gather, Add), one dense layer
/// (MatMul, Add, Tanh), zeroed at padding (Cast, Unsqueeze, Mul). Inputs input_ids / attention_mask / token_type_ids
/// (int64 [batch, sequence]); output last_hidden_state (float [batch, sequence, hidden]). <see cref="Reference"/>
/// computes the same function in plain C#.
/// </summary>
public sealed class TinyBertModel
{
    private const int Float = 1;
    private const int Int64 = 7;

    public TinyBertModel(int vocabulary, int hidden, int seed)
    {
        var random = new Random(seed);
        Hidden = hidden;
        Words = Values(random, vocabulary * hidden);
        Types = Values(random, 2 * hidden);
        Weight = Values(random, hidden * hidden);
        Bias = Values(random, hidden);
    }

    public int Hidden { get; }

    public float[] Words { get; }

    public float[] Types { get; }

    public float[] Weight { get; }

    public float[] Bias { get; }

    /// <summary>The token vector for one id (token type 0), as the graph computes it.</summary>
    public float[] Reference(int id)
    {
        var embedding = new float[Hidden];
        for (var i = 0; i < Hidden; i++)
        {
            embedding[i] = Words[(id * Hidden) + i] + Types[i];
        }

        var output = new float[Hidden];
        for (var j = 0; j < Hidden; j++)
        {
            var sum = Bias[j];
            for (var i = 0; i < Hidden; i++)
            {
                sum += embedding[i] * Weight[(i * Hidden) + j];
            }

            output[j] = MathF.Tanh(sum);
        }

        return output;
    }

    public void Save(string path)
    {
        var vocabulary = Words.Length / Hidden;
        var graph = new ProtoWriter()
            .Message(1, Node("Gather", ["word_embeddings", "input_ids"], "words"))
            .Message(1, Node("Gather", ["type_embeddings", "token_type_ids"], "types"))
            .Message(1, Node("Add", ["words", "types"], "embedded"))
            .Message(1, Node("MatMul", ["embedded", "weight"], "projected"))
            .Message(1, Node("Add", ["projected", "bias"], "biased"))
            .Message(1, Node("Tanh", ["biased"], "activated"))
            .Message(1, Node("Cast", ["attention_mask"], "mask_float", new ProtoWriter().String(1, "to").Int(3, Float).Int(20, 2)))
            .Message(1, Node("Unsqueeze", ["mask_float", "axes"], "mask_3d"))
            .Message(1, Node("Mul", ["activated", "mask_3d"], "last_hidden_state"))
            .String(2, "tiny-bert")
            .Message(5, Tensor("word_embeddings", [vocabulary, Hidden], Words))
            .Message(5, Tensor("type_embeddings", [2, Hidden], Types))
            .Message(5, Tensor("weight", [Hidden, Hidden], Weight))
            .Message(5, Tensor("bias", [Hidden], Bias))
            .Message(5, new ProtoWriter().Int(1, 1).Int(2, Int64).String(8, "axes").Bytes(9, BitConverter.GetBytes(2L)))
            .Message(11, Input("input_ids", Int64, "batch", "sequence"))
            .Message(11, Input("attention_mask", Int64, "batch", "sequence"))
            .Message(11, Input("token_type_ids", Int64, "batch", "sequence"))
            .Message(12, Output("last_hidden_state"));
        var model = new ProtoWriter()
            .Int(1, 8) // IR version 8
            .String(2, "designer-tests")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Int(2, 17));
        File.WriteAllBytes(path, model.ToArray());
    }

    private static ProtoWriter Node(string op, string[] inputs, string output, ProtoWriter? attribute = null)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, op + "_" + output).String(4, op);
        return attribute is null ? node : node.Message(5, attribute);
    }

    private static ProtoWriter Tensor(string name, long[] dims, float[] values)
    {
        var tensor = new ProtoWriter();
        foreach (var dim in dims)
        {
            tensor.Int(1, dim);
        }

        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return tensor.Int(2, Float).String(8, name).Bytes(9, raw);
    }

    private static ProtoWriter Input(string name, int type, params string[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var dim in dims)
        {
            shape.Message(1, new ProtoWriter().String(2, dim));
        }

        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, new ProtoWriter().Int(1, type).Message(2, shape)));
    }

    private ProtoWriter Output(string name)
    {
        var shape = new ProtoWriter()
            .Message(1, new ProtoWriter().String(2, "batch"))
            .Message(1, new ProtoWriter().String(2, "sequence"))
            .Message(1, new ProtoWriter().Int(1, Hidden));
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, new ProtoWriter().Int(1, Float).Message(2, shape)));
    }

    private static float[] Values(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1) * 0.5f)];
}
