
namespace Designer.Web.Batches;

/// <summary>Wakes the batch worker when a batch is stored, so its rows start without waiting for the poll.</summary>
internal sealed class BatchSignal : WakeSignal;
