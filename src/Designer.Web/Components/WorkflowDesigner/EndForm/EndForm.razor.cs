namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>End: the run's output, one expression per output field.</summary>
public sealed partial class EndForm : KindFormBase
{
    private const string OutputMapping = "outputMapping";
}
