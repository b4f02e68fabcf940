namespace Designer.Inference.Serving;

/// <summary>A model version currently loaded for serving.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Version">Model version that answered, for the run history.</param>
/// <param name="Provider">Execution provider.</param>
/// <param name="ProviderReason">Why that provider was chosen.</param>
/// <param name="QueueDepth">Requests waiting now.</param>
public sealed record ServedModel(string Model, int Version, string Provider, string ProviderReason, int QueueDepth);
