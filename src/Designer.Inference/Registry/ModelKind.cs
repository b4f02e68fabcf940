namespace Designer.Inference.Registry;

/// <summary>What a model's output means.</summary>
public enum ModelKind
{
    /// <summary>Class probabilities; the label is the arg-max and the confidence the max probability.</summary>
    Classifier,

    /// <summary>A vector embedding; no label or confidence.</summary>
    Embedding,
}
