namespace Designer.Persistence;
