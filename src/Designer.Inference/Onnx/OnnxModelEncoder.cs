namespace Designer.Inference.Onnx;

/// <summary>
/// Encodes the graph parts as an ONNX <c>ModelProto</c>. Field numbers are those of onnx.proto; the ONNX Runtime
/// load tests are what prove them right.
/// </summary>
internal static class OnnxModelEncoder
{
    // ModelProto
    private const int ModelIrVersion = 1;
    private const int ModelProducerName = 2;
    private const int ModelProducerVersion = 3;
    private const int ModelGraph = 7;
    private const int ModelOpsetImport = 8;
    private const int ModelMetadataProps = 14;

    // StringStringEntryProto
    private const int EntryKey = 1;
    private const int EntryValue = 2;

    // OperatorSetIdProto
    private const int OpsetDomain = 1;
    private const int OpsetVersion = 2;

    // GraphProto
    private const int GraphNode = 1;
    private const int GraphName = 2;
    private const int GraphInitializer = 5;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;

    // NodeProto
    private const int NodeInput = 1;
    private const int NodeOutput = 2;
    private const int NodeName = 3;
    private const int NodeOpType = 4;
    private const int NodeAttribute = 5;

    // AttributeProto
    private const int AttributeName = 1;
    private const int AttributeFloat = 2;
    private const int AttributeInt = 3;
    private const int AttributeInts = 8;
    private const int AttributeType = 20;

    // TensorProto
    private const int TensorDims = 1;
    private const int TensorDataType = 2;
    private const int TensorName = 8;
    private const int TensorRawData = 9;

    // ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto(.Dimension)
    private const int ValueInfoName = 1;
    private const int ValueInfoType = 2;
    private const int TypeTensorType = 1;
    private const int TensorTypeElemType = 1;
    private const int TensorTypeShape = 2;
    private const int ShapeDim = 1;
    private const int DimValue = 1;
    private const int DimParam = 2;

    /// <summary>IR version 8 is what ONNX 1.12+ writes for opset 17 and every supported ORT reads.</summary>
    public const long IrVersion = 8;

    /// <summary>Opset 17 has every operator the writer uses with the semantics the reference math assumes.</summary>
    public const long OpsetVersionDefault = 17;

    public static byte[] Encode(
        string graphName,
        IReadOnlyList<OnnxNode> nodes,
        IReadOnlyList<OnnxInitializer> initializers,
        IReadOnlyList<OnnxValueInfo> inputs,
        IReadOnlyList<OnnxValueInfo> outputs,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var model = new ProtobufWriter();
        model.WriteVarintField(ModelIrVersion, IrVersion);
        model.WriteStringField(ModelProducerName, "Designer");
        model.WriteStringField(ModelProducerVersion, "1");
        model.WriteMessageField(ModelGraph, graph =>
        {
            foreach (var node in nodes)
            {
                graph.WriteMessageField(GraphNode, w => WriteNode(w, node));
            }

            graph.WriteStringField(GraphName, graphName);
            foreach (var initializer in initializers)
            {
                graph.WriteMessageField(GraphInitializer, w => WriteInitializer(w, initializer));
            }

            foreach (var input in inputs)
            {
                graph.WriteMessageField(GraphInput, w => WriteValueInfo(w, input));
            }

            foreach (var output in outputs)
            {
                graph.WriteMessageField(GraphOutput, w => WriteValueInfo(w, output));
            }
        });
        model.WriteMessageField(ModelOpsetImport, opset =>
        {
            opset.WriteStringField(OpsetDomain, string.Empty);
            opset.WriteVarintField(OpsetVersion, OpsetVersionDefault);
        });
        foreach (var (key, value) in (metadata ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            model.WriteMessageField(ModelMetadataProps, entry =>
            {
                entry.WriteStringField(EntryKey, key);
                entry.WriteStringField(EntryValue, value);
            });
        }

        return model.ToArray();
    }

    private static void WriteNode(ProtobufWriter writer, OnnxNode node)
    {
        foreach (var input in node.Inputs)
        {
            writer.WriteStringField(NodeInput, input);
        }

        foreach (var output in node.Outputs)
        {
            writer.WriteStringField(NodeOutput, output);
        }

        writer.WriteStringField(NodeName, node.Name);
        writer.WriteStringField(NodeOpType, node.OpType);
        foreach (var attribute in node.Attributes)
        {
            writer.WriteMessageField(NodeAttribute, w => WriteAttribute(w, attribute));
        }
    }

    private static void WriteAttribute(ProtobufWriter writer, OnnxAttribute attribute)
    {
        writer.WriteStringField(AttributeName, attribute.Name);
        switch (attribute.Kind)
        {
            case OnnxAttributeKind.Float:
                writer.WriteFloatField(AttributeFloat, attribute.FloatValue);
                break;
            case OnnxAttributeKind.Int:
                writer.WriteVarintField(AttributeInt, attribute.IntValue);
                break;
            case OnnxAttributeKind.Ints:
                // onnx.proto is proto2: repeated scalars are unpacked, one tag per element.
                foreach (var value in attribute.IntValues)
                {
                    writer.WriteVarintField(AttributeInts, value);
                }

                break;
            default:
                throw new NotSupportedException($"Attribute kind {attribute.Kind} is not supported.");
        }

        writer.WriteVarintField(AttributeType, (long)attribute.Kind);
    }

    private static void WriteInitializer(ProtobufWriter writer, OnnxInitializer initializer)
    {
        foreach (var dim in initializer.Dims)
        {
            writer.WriteVarintField(TensorDims, dim);
        }

        writer.WriteVarintField(TensorDataType, (long)initializer.ElementType);
        writer.WriteStringField(TensorName, initializer.Name);
        writer.WriteBytesField(TensorRawData, initializer.RawData.Span);
    }

    private static void WriteValueInfo(ProtobufWriter writer, OnnxValueInfo info)
    {
        writer.WriteStringField(ValueInfoName, info.Name);
        writer.WriteMessageField(ValueInfoType, type => type.WriteMessageField(TypeTensorType, tensor =>
        {
            tensor.WriteVarintField(TensorTypeElemType, (long)info.ElementType);
            tensor.WriteMessageField(TensorTypeShape, shape =>
            {
                foreach (var dim in info.Shape)
                {
                    shape.WriteMessageField(ShapeDim, d =>
                    {
                        if (dim.Size is { } size)
                        {
                            d.WriteVarintField(DimValue, size);
                        }
                        else
                        {
                            d.WriteStringField(DimParam, dim.Symbol ?? "batch");
                        }
                    });
                }
            });
        }));
    }
}
