# The inference host on CPU (ONNX Runtime CPU provider). Build context: the repository root.
#   docker build -f docker/inference.Dockerfile -t designer-inference .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Designer.InferenceHost/Designer.InferenceHost.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
EXPOSE 8080
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Designer__DataDirectory=/data
VOLUME /data
ENTRYPOINT ["dotnet", "Designer.InferenceHost.dll"]
