namespace Designer.Web.Batches;

/// <summary>The file formats a batch may be uploaded in.</summary>
internal enum BatchFormat
{
    /// <summary>Comma-separated, header row of start-schema field names (<c>text/csv</c>).</summary>
    Csv,

    /// <summary>One JSON object per line (<c>application/x-ndjson</c>).</summary>
    Ndjson,
}
