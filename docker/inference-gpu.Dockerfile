# The inference host on an NVIDIA GPU: built against Microsoft.ML.OnnxRuntime.Gpu (-p:DesignerGpu=true) and run on a
# CUDA 13 + cuDNN 9 base: ONNX Runtime GPU 1.31 is a CUDA 13 build (its CUDA provider needs libcublas.so.13,
# libcudart.so.13 and cuDNN 9). The image tag was not pulled here (no registry access); the same libraries were
# verified on an H200 by scripts/gpu-embedding-check.sh. Build context: the repository root.
#   docker build -f docker/inference-gpu.Dockerfile -t designer-inference-gpu .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Designer.InferenceHost/Designer.InferenceHost.csproj -c Release -o /app --nologo -p:DesignerGpu=true \
 && rm -f /app/onnxruntime*.dll

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libicu74 && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
WORKDIR /app
COPY --from=build /app .
EXPOSE 8080
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Designer__DataDirectory=/data \
    Designer__Inference__PreferCuda=true
VOLUME /data
ENTRYPOINT ["dotnet", "Designer.InferenceHost.dll"]
