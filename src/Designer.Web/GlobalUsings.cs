global using Designer.Hosting;
global using Designer.Persistence;
global using Designer.Workflows.Definitions;
global using Designer.Workflows.Demo;
global using Designer.Workflows.Diff;
global using Designer.Workflows.Elsa;
global using Designer.Workflows.Serialization;
global using Designer.Workflows.Validation;
