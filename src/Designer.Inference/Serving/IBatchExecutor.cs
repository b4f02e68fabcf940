namespace Designer.Inference.Serving;

/// <summary>Runs one batch of rows through a model. Called by one <see cref="DynamicBatcher"/> consumer at a time.</summary>
public interface IBatchExecutor
{
    /// <summary>Number of floats in each input row.</summary>
    int InputWidth { get; }

    /// <summary>Runs <paramref name="rows"/> rows laid out row-major in <paramref name="input"/>.</summary>
    /// <param name="input">Exactly <c>rows × InputWidth</c> values.</param>
    /// <param name="rows">Row count.</param>
    /// <returns>The output rows, row-major.</returns>
    BatchOutput Execute(float[] input, int rows);
}
