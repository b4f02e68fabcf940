namespace Designer.Workflows;
