using System.Text.Json.Nodes;

namespace Designer.Web.Batches;

/// <summary>One good row: its line and run input.</summary>
internal sealed record BatchLine(int Line, JsonObject Input);
