(function () {
  var endpoint = new URL('/graphql', window.location.href).toString();

  // POST application/json to /graphql. Headers typed into the "Headers" editor
  // (for example {"Authorization": "Bearer <token>"}) are sent with every request.
  var fetcher = GraphiQL.createFetcher({
    url: endpoint,
    headers: { 'Accept': 'application/json' }
  });

  var defaultQuery =
    '# Knowledge Graph Lab — GraphQL playground\n' +
    '#\n' +
    '# Queries are sent as POST (JSON) to /graphql.\n' +
    '#\n' +
    '# To authenticate, add this in the Headers tab:\n' +
    '#   { "Authorization": "Bearer <token>" }\n' +
    '#\n' +
    '# Run with Ctrl+Enter (Cmd+Enter on macOS).\n' +
    '\n' +
    '{\n' +
    '  __typename\n' +
    '}\n';

  // Links in account mail open the playground with the operation filled in:
  // /graphiql?query=...&variables=...
  var params = new URLSearchParams(window.location.search);
  var props = {
    fetcher: fetcher,
    defaultQuery: defaultQuery,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false
  };
  if (params.get('query')) {
    props.query = params.get('query');
    props.variables = params.get('variables') || undefined;
    props.defaultEditorToolsVisibility = 'variables';
  }
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(
      GraphiQL,
      props,
      React.createElement(GraphiQL.Logo, null, 'Knowledge Graph Lab')
    )
  );
})();
