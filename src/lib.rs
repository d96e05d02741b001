// The build-script use of graph-docgen (filled by the models issue).
