# The web host (Blazor UI, REST API, in-process Orleans silo). Build context: the repository root.
#   docker build -f docker/web.Dockerfile -t designer-web .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm installs the pinned X6 canvas library during the build (designer-assets/package-lock.json).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Designer.Web/Designer.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# HTTP, Orleans silo-to-silo, Orleans gateway.
EXPOSE 8080 11111 30000
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Designer__DataDirectory=/data
VOLUME /data
ENTRYPOINT ["dotnet", "Designer.Web.dll"]
