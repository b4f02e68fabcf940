using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Designer.Web.Tests.Infrastructure;

internal static class BunitServiceExtensions
{
    public static IServiceCollection AddMudServicesForTests(this IServiceCollection services) => services.AddMudServices();
}
