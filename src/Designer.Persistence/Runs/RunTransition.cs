namespace Designer.Persistence;

/// <summary>A status change of a run and what comes with it.</summary>
/// <param name="OutputJson">Output, when completing.</param>
/// <param name="EndNode">End node, when completing.</param>
/// <param name="Error">Reason, when faulting or interrupting.</param>
/// <param name="AddCost">Cost to add.</param>
/// <param name="Owner">The host that executes the run from now on, or null to keep the current one.</param>
public sealed record RunTransition(RunStatus To, string? OutputJson = null, string? EndNode = null, string? Error = null, decimal AddCost = 0m, string? Owner = null);
