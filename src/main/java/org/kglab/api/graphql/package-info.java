@NullMarked
package org.kglab.api.graphql;

import org.jspecify.annotations.NullMarked;
