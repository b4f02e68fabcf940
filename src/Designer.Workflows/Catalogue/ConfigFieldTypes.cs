namespace Designer.Workflows.Catalogue;

/// <summary>The values of <see cref="ConfigFieldDescriptor.Type"/>; the designer picks an editor from them.</summary>
public static class ConfigFieldTypes
{
    /// <summary>Plain text.</summary>
    public const string String = "string";

    /// <summary>Any JSON number.</summary>
    public const string Number = "number";

    /// <summary>A whole number.</summary>
    public const string Integer = "integer";

    /// <summary>True or false.</summary>
    public const string Boolean = "boolean";

    /// <summary>A JSON object (maps, schemas, filters).</summary>
    public const string Object = "object";

    /// <summary>A JSON array.</summary>
    public const string Array = "array";

    /// <summary>A JavaScript expression evaluated in the sandbox.</summary>
    public const string Expression = "expression";

    /// <summary>Text with <c>{{ … }}</c> placeholders.</summary>
    public const string Template = "template";
}
