namespace Designer.Inference.Corpus;

/// <summary>A search query and the intent of the disputes it is looking for.</summary>
/// <param name="Text">The query as a user would type it.</param>
/// <param name="Intent">The <see cref="DisputeRecord.Intent"/> a relevant past dispute has.</param>
public sealed record ParaphraseQuery(string Text, string Intent);
