package org.parkline.sim;

class Placeholder {}
