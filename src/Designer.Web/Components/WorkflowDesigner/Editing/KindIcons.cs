using MudBlazor;

namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>Resolves the catalogue's icon keys to Material icons, for the palette and (as SVG data URIs) the canvas.</summary>
internal static class KindIcons
{
    public static string For(string iconKey) => iconKey switch
    {
        "play" => Icons.Material.Filled.PlayCircle,
        "search" => Icons.Material.Filled.ManageSearch,
        "cpu" => Icons.Material.Filled.Memory,
        "shield" => Icons.Material.Filled.Shield,
        "user-check" => Icons.Material.Filled.HowToReg,
        "git-branch" => Icons.Material.Filled.CallSplit,
        "flag" => Icons.Material.Filled.Flag,
        "send" => Icons.Material.Filled.Send,
        _ => Icons.Material.Filled.Widgets,
    };

    public static string DataUri(string iconKey) =>
        "data:image/svg+xml;utf8," + Uri.EscapeDataString(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" fill=\"#455a64\">{For(iconKey)}</svg>");
}
