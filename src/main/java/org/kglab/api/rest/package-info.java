@NullMarked
package org.kglab.api.rest;

import org.jspecify.annotations.NullMarked;
