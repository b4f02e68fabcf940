using Jint;
using Jint.Runtime;

namespace Designer.Runtime.Expressions;

/// <summary>
/// Checks the size of the result before the built-ins that can allocate far more than their input
/// (<c>repeat</c>, <c>padStart</c>/<c>padEnd</c>, <c>join</c>, <c>JSON.parse</c>) allocate it.
/// </summary>
/// <remarks>
/// Jint measures memory between statements, so one call such as <c>'x'.repeat(1e9)</c> allocates gigabytes before
/// the limit is looked at. The wrappers run in the engine before the expression and capture the originals and
/// <c>Reflect.apply</c>, so an expression that replaces prototypes or <c>Function.prototype.call</c> only loses the
/// built-in, never the check. A breach throws a <c>RangeError</c> carrying <see cref="Marker"/>, which the sandbox
/// reports as <see cref="ExpressionErrorKind.Memory"/>.
/// </remarks>
internal static class AllocationGuards
{
    /// <summary>Prefix of the RangeError message a guard throws.</summary>
    public const string Marker = "designer-memory-limit:";

    // Parsed JSON takes several times its text in objects; 8 bytes a character is a conservative bound.
    private const string Script = """
        (function (maxChars, maxJsonChars) {
          'use strict';
          const apply = Reflect.apply;
          const breach = (what, size) => { throw new RangeError('MARKER' + what + ' would create ' + size + ' characters'); };
          const wrap = (owner, name, check) => {
            const original = owner[name];
            Object.defineProperty(owner, name, {
              value: { [name](...args) { check(this, args); return apply(original, this, args); } }[name],
              writable: true, configurable: true, enumerable: false,
            });
          };
          const str = String;
          wrap(String.prototype, 'repeat', (self, args) => {
            const size = str(self).length * Number(args[0]);
            if (size > maxChars) { breach('repeat', size); }
          });
          const pad = (name) => wrap(String.prototype, name, (self, args) => {
            const size = Number(args[0]);
            if (size > maxChars) { breach(name, size); }
          });
          pad('padStart');
          pad('padEnd');
          wrap(Array.prototype, 'join', (self, args) => {
            const length = Number(self.length) >>> 0;
            const separator = args[0] === undefined ? 1 : str(args[0]).length;
            let size = length > 0 ? (length - 1) * separator : 0;
            for (let i = 0; i < length && size <= maxChars; i++) {
              const item = self[i];
              if (typeof item === 'string') { size += item.length; }
              else if (item !== null && item !== undefined && typeof item !== 'object') { size += 24; }
            }
            if (size > maxChars) { breach('join', size); }
          });
          wrap(JSON, 'parse', (self, args) => {
            const size = typeof args[0] === 'string' ? args[0].length : 0;
            if (size > maxJsonChars) { breach('JSON.parse', size); }
          });
        })
        """;

    // Parsed once per process: every evaluation gets a new engine, and parsing the guards each time would dominate.
    private static readonly Prepared<Acornima.Ast.Script> Prepared =
        Engine.PrepareScript(Script.Replace("MARKER", Marker, StringComparison.Ordinal), "designer-guards");

    /// <summary>Installs the guards in a fresh engine.</summary>
    /// <param name="engine">The engine, before the expression runs.</param>
    /// <param name="memoryLimitBytes">The evaluation's memory limit.</param>
    public static void Install(Engine engine, long memoryLimitBytes)
    {
        // UTF-16: two bytes a character.
        var maxChars = Math.Max(1, memoryLimitBytes / 2);
        var install = engine.Evaluate(Prepared);
        engine.Invoke(install, (double)maxChars, (double)Math.Max(1, memoryLimitBytes / 8));
    }

    /// <summary>Whether the exception is a guard's breach.</summary>
    /// <returns>True for a breach.</returns>
    public static bool IsBreach(JavaScriptException ex) => ex.Message.Contains(Marker, StringComparison.Ordinal);

    /// <summary>The breach without its marker, e.g. <c>repeat would create 1000000000 characters</c>.</summary>
    public static string Describe(JavaScriptException ex)
    {
        var at = ex.Message.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? ex.Message : ex.Message[(at + Marker.Length)..];
    }
}
