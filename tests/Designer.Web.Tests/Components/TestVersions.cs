using Designer.Persistence;

namespace Designer.Web.Tests.Components;

internal static class TestVersions
{
    public static VersionSummary Create(string authorId, VersionStatus status, bool active) =>
        new(Guid.NewGuid(), 1, "sha256:00", status, active, authorId, $"{authorId}@demo.local", DateTimeOffset.UnixEpoch, null, null);
}
