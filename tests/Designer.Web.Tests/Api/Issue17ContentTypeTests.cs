using System.Net;
using System.Text;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

/// <summary>
/// Issue 17: routing's content-type check (from <c>.Accepts</c>) and the API request guard agree. The guard lets every
/// JSON type through (<c>application/json</c>, any <c>application/*+json</c>), so no endpoint group answers 415 to them.
/// </summary>
public sealed class Issue17ContentTypeTests(Issue14RequestTests.Fixture fixture) : IClassFixture<Issue14RequestTests.Fixture>
{
    [Theory]
    [InlineData("author", "POST", "/api/workflows", """{"name":"content type"}""")]
    [InlineData("author", "POST", "/api/workflows/import?format=designer", "{}")]
    [InlineData("author", "PUT", "/api/workflows/{id}/draft", "{}")]
    [InlineData("author", "POST", "/api/workflows/{id}/draft/validate", "{}")]
    [InlineData("approver", "POST", "/api/workflows/{id}/versions/999/approve", """{"comment":"ok"}""")]
    [InlineData("author", "POST", "/api/models/no-such-model/train", "{}")]
    [InlineData("approver", "POST", "/api/models/no-such-model/versions/1/approve", "{}")]
    [InlineData("author", "POST", "/api/chat-models", """{"id":"ct"}""")]
    [InlineData("approver", "POST", "/api/chat-models/no-such-model/versions/1/reject", "{}")]
    [InlineData("operator", "POST", "/api/workflows/{id}/api-keys", """{"name":""}""")]
    [InlineData("operator", "POST", "/api/workflows/{id}/schedules", """{"name":""}""")]
    [InlineData("approver", "POST", "/api/workflows/{id}/versions/999/rollout", """{"mode":"x"}""")]
    [InlineData("admin", "POST", "/api/collections", """{"name":""}""")]
    public async Task Post_Issue17_JsonSuffixContentType_IsNot415(string role, string method, string path, string body)
    {
        // Arrange
        var client = await fixture.ClientAsync(role);
        var url = path.Replace("{id}", fixture.WorkflowId.ToString(), StringComparison.Ordinal);

        foreach (var contentType in new[] { "application/merge-patch+json", "application/vnd.x+json", "application/problem+json" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, contentType) };

            // Act
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            // Assert: whatever the endpoint makes of the body, it was let in.
            Assert.True(response.StatusCode != HttpStatusCode.UnsupportedMediaType, $"{method} {path} as {contentType}: 415");
            Assert.True((int)response.StatusCode < 500, $"{method} {path} as {contentType}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("author", "POST", "/api/workflows", "application/x-ndjson")]
    [InlineData("author", "POST", "/api/chat-models", "application/x-ndjson")]
    [InlineData("operator", "POST", "/api/workflows/{id}/schedules", "text/x+json")]
    public async Task Post_Issue17_NdJsonOrNonApplicationJsonSuffix_GuardAnswers415WithProblem(string role, string method, string path, string contentType)
    {
        // Arrange: NDJSON is read only by the uploads (documents, batches); elsewhere routing would refuse it too.
        var client = await fixture.ClientAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", fixture.WorkflowId.ToString(), StringComparison.Ordinal))
        {
            Content = new StringContent("{}", Encoding.UTF8, contentType),
        };

        // Act
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var problem = await response.ReadObjectAsync();

        // Assert: the guard's answer, saying what is accepted, not routing's bare 415.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.StartsWith("The body must be JSON", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
