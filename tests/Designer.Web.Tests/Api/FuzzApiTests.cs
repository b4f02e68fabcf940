using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

/// <summary>
/// 1,000 malformed or hostile definitions: never a 500, never a partial save — on SQLite and on PostgreSQL (issue 14
/// item 5: PostgreSQL refuses NUL in text and enforces column lengths that SQLite ignores).
/// </summary>
public abstract class FuzzApiTests : IAsyncLifetime
{
    private DesignerWebFactory _factory = default!;

    protected abstract Task<DesignerWebFactory> CreateFactoryAsync();

    public async ValueTask InitializeAsync() => _factory = await CreateFactoryAsync();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task HostileDefinitions_ThousandRequests_NeverServerErrorNorPartialSave()
    {
        // Arrange
        var author = await _factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Fuzz target");
        var targets = new[] { "draft", "create", "import", "import-elsa", "validate" };
        var failures = new List<string>();

        // Act
        var i = 0;
        foreach (var document in HostileInputGenerator.Generate(1_000, seed: 20261124))
        {
            var target = targets[i++ % targets.Length];
            var (before, etag) = await author.GetDraftAsync(id);
            var workflowsBefore = (await (await author.GetAsync("/api/workflows?pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>();
            var response = target switch
            {
                "draft" => await author.PutDraftAsync(id, document, etag),
                "create" => await author.PostAsync("/api/workflows", ApiClientExtensions.Json($"{{\"name\":\"fuzz\",\"definition\":{document}}}")),
                "import" => await author.PostAsync("/api/workflows/import?format=designer", ApiClientExtensions.Json(document)),
                "import-elsa" => await author.PostAsync("/api/workflows/import?format=elsa", ApiClientExtensions.Json(document)),
                _ => await author.PostAsync($"/api/workflows/{id}/draft/validate", ApiClientExtensions.Json(document)),
            };

            // Assert (collected, so one run reports every offender)
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{target} #{i}: {status} for {Preview(document)}");
                continue;
            }

            if (status >= 400)
            {
                var (after, etagAfter) = await author.GetDraftAsync(id);
                var workflowsAfter = (await (await author.GetAsync("/api/workflows?pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>();
                if (etagAfter != etag || after.ToJsonString() != before.ToJsonString() || workflowsAfter != workflowsBefore)
                {
                    failures.Add($"{target} #{i}: {status} but state changed for {Preview(document)}");
                }

                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{target} #{i}: {status} without ProblemDetails");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static string Preview(string document) => document.Length <= 120 ? document : document[..120] + "…";
}
